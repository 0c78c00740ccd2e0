package com.alphapanda.backtest;

import com.alphapanda.instrument.NseCalendar;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * {@code equity.png}: the equity curves of every strategy on one chart (JDK Java2D, headless), for reading a report
 * in a terminal or a chat. Same data → same bytes.
 */
final class EquityChartPng {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 480;
    private static final int LEFT = 100;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;
    private static final Color[] PALETTE = {new Color(0x1f6fb4), new Color(0xe67e22), new Color(0x27ae60),
            new Color(0x8e44ad), new Color(0xc0392b), new Color(0x16a085)};
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(NseCalendar.IST);

    private EquityChartPng() {
    }

    static void write(Map<String, List<EquityCurve.Point>> curves, OutputStream out) throws IOException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            draw(g, curves);
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", out);
    }

    private static void draw(Graphics2D g, Map<String, List<EquityCurve.Point>> curves) {
        List<EquityCurve.Point> any = curves.values().iterator().next();
        if (any.isEmpty()) {
            return;
        }
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (List<EquityCurve.Point> points : curves.values()) {
            for (EquityCurve.Point p : points) {
                min = Math.min(min, p.equity().doubleValue());
                max = Math.max(max, p.equity().doubleValue());
            }
        }
        if (max - min < 1) {
            max += 1;
            min -= 1;
        }
        axes(g, min, max, any);
        int index = 0;
        for (Map.Entry<String, List<EquityCurve.Point>> entry : curves.entrySet()) {
            Color color = PALETTE[index % PALETTE.length];
            line(g, entry.getValue(), color, min, max);
            g.setColor(color);
            g.fillRect(LEFT + 10, TOP + 8 + index * 16, 12, 4);
            g.setColor(Color.DARK_GRAY);
            g.drawString(entry.getKey(), LEFT + 28, TOP + 14 + index * 16);
            index++;
        }
    }

    private static int x(int index, int count) {
        return LEFT + (int) Math.round((double) index / Math.max(1, count - 1) * (WIDTH - LEFT - RIGHT));
    }

    private static void axes(Graphics2D g, double min, double max, List<EquityCurve.Point> points) {
        g.setColor(Color.BLACK);
        g.drawString("Equity (INR) at the close of each minute with ticks; trading time only, days in IST", LEFT, 24);
        for (int i = 0; i <= 4; i++) {
            int y = TOP + (HEIGHT - TOP - BOTTOM) * i / 4;
            g.setColor(new Color(0xdddddd));
            g.drawLine(LEFT, y, WIDTH - RIGHT, y);
            g.setColor(Color.DARK_GRAY);
            String label = BigDecimal.valueOf(max - (max - min) * i / 4).setScale(0, java.math.RoundingMode.HALF_UP)
                    .toPlainString();
            g.drawString(label, LEFT - 8 - g.getFontMetrics().stringWidth(label), y + 4);
        }
        String previous = null;
        int lastLabel = Integer.MIN_VALUE;
        for (int i = 0; i < points.size(); i++) {
            String day = DAY.format(points.get(i).at());
            if (!day.equals(previous)) {
                int x = x(i, points.size());
                g.setColor(new Color(0xdddddd));
                g.drawLine(x, TOP, x, HEIGHT - BOTTOM);
                if (x - lastLabel > 80) {
                    g.setColor(Color.DARK_GRAY);
                    g.drawString(day, x + 2, HEIGHT - BOTTOM + 18);
                    lastLabel = x;
                }
                previous = day;
            }
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
    }

    private static void line(Graphics2D g, List<EquityCurve.Point> all, Color color, double min, double max) {
        List<EquityCurve.Point> points = ChartData.thin(all);
        g.setColor(color);
        g.setStroke(new BasicStroke(1.5f));
        int[] xs = new int[points.size()];
        int[] ys = new int[points.size()];
        for (int i = 0; i < points.size(); i++) {
            EquityCurve.Point p = points.get(i);
            xs[i] = x(i, points.size());
            ys[i] = TOP + (int) Math.round((max - p.equity().doubleValue()) / (max - min) * (HEIGHT - TOP - BOTTOM));
        }
        g.drawPolyline(xs, ys, points.size());
        g.setStroke(new BasicStroke(1f));
    }
}

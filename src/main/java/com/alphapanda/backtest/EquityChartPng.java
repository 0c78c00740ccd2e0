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
import java.time.Instant;
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
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(NseCalendar.IST);

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
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (List<EquityCurve.Point> points : curves.values()) {
            for (EquityCurve.Point p : points) {
                min = Math.min(min, p.equity().doubleValue());
                max = Math.max(max, p.equity().doubleValue());
                start = Math.min(start, p.at().getEpochSecond());
                end = Math.max(end, p.at().getEpochSecond());
            }
        }
        if (start > end) {
            return;
        }
        if (max - min < 1) {
            max += 1;
            min -= 1;
        }
        axes(g, min, max, start, end);
        int index = 0;
        for (Map.Entry<String, List<EquityCurve.Point>> entry : curves.entrySet()) {
            Color color = PALETTE[index % PALETTE.length];
            line(g, ChartData.thin(entry.getValue()), color, min, max, start, end);
            g.setColor(color);
            g.fillRect(LEFT + 10, TOP + 8 + index * 16, 12, 4);
            g.setColor(Color.DARK_GRAY);
            g.drawString(entry.getKey(), LEFT + 28, TOP + 14 + index * 16);
            index++;
        }
    }

    private static void axes(Graphics2D g, double min, double max, long start, long end) {
        g.setColor(Color.BLACK);
        g.drawString("Equity (INR), sampled each minute; time in IST", LEFT, 24);
        g.setColor(new Color(0xdddddd));
        for (int i = 0; i <= 4; i++) {
            int y = TOP + (HEIGHT - TOP - BOTTOM) * i / 4;
            g.drawLine(LEFT, y, WIDTH - RIGHT, y);
            g.setColor(Color.DARK_GRAY);
            String label = BigDecimal.valueOf(max - (max - min) * i / 4).setScale(0, java.math.RoundingMode.HALF_UP)
                    .toPlainString();
            g.drawString(label, LEFT - 8 - g.getFontMetrics().stringWidth(label), y + 4);
            g.setColor(new Color(0xdddddd));
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
        g.drawString(DATE.format(Instant.ofEpochSecond(start)), LEFT, HEIGHT - BOTTOM + 18);
        String last = DATE.format(Instant.ofEpochSecond(end));
        g.drawString(last, WIDTH - RIGHT - g.getFontMetrics().stringWidth(last), HEIGHT - BOTTOM + 18);
    }

    private static void line(Graphics2D g, List<EquityCurve.Point> points, Color color, double min, double max,
                             long start, long end) {
        g.setColor(color);
        g.setStroke(new BasicStroke(1.5f));
        int[] xs = new int[points.size()];
        int[] ys = new int[points.size()];
        double span = Math.max(1, end - start);
        for (int i = 0; i < points.size(); i++) {
            EquityCurve.Point p = points.get(i);
            xs[i] = LEFT + (int) Math.round((p.at().getEpochSecond() - start) / span * (WIDTH - LEFT - RIGHT));
            ys[i] = TOP + (int) Math.round((max - p.equity().doubleValue()) / (max - min) * (HEIGHT - TOP - BOTTOM));
        }
        g.drawPolyline(xs, ys, points.size());
        g.setStroke(new BasicStroke(1f));
    }
}

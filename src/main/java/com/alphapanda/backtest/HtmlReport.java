package com.alphapanda.backtest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@code report.html}: one self-contained page (no external request: uPlot, packaged from its Maven Central webjar, is
 * inlined with its CSS) with the run's settings, a results table and, per strategy, the equity curve and the
 * drawdown chart (IST time axis).
 */
final class HtmlReport {

    private static final String WEBJAR = "META-INF/resources/webjars/uplot/";

    private HtmlReport() {
    }

    static String render(BacktestResult result, Map<String, List<EquityCurve.Point>> curves) {
        StringBuilder html = new StringBuilder(1 << 16);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Alpha Panda backtest")
                .append("</title>\n<style>").append(resource("dist/uPlot.min.css")).append('\n').append(STYLE)
                .append("</style>\n<script>").append(resource("dist/uPlot.iife.min.js")).append("</script>\n")
                .append("</head><body>\n<h1>Alpha Panda backtest</h1>\n");
        html.append("<p>Ticks used: ").append(result.ticksUsed()).append(" of ").append(result.ticksRead())
                .append(" read, from ").append(result.firstTick()).append(" to ").append(result.lastTick())
                .append(" (UTC). Venue: ").append(escape(result.venue())).append(".</p>\n");
        table(html, result);
        html.append("<p class=\"note\">").append(escape(result.ratioFormula())).append(". Equity is sampled at the")
                .append(" close of every minute with ticks; drawdown is measured from the running peak of those")
                .append(" samples.</p>\n");
        int index = 0;
        for (StrategyResult s : result.strategies()) {
            html.append("<h2>").append(escape(s.strategyId())).append("</h2>\n<div id=\"eq").append(index)
                    .append("\"></div><div id=\"dd").append(index).append("\"></div>\n");
            script(html, index++, s.strategyId(), curves.get(s.strategyId()));
        }
        return html.append("</body></html>\n").toString();
    }

    private static void table(StringBuilder html, BacktestResult result) {
        html.append("<table><tr><th>Strategy</th><th>Net PnL</th><th>Realized</th><th>Unrealized</th><th>Fees</th>")
                .append("<th>Final equity</th><th>Trades</th><th>Win rate</th><th>Avg win</th><th>Avg loss</th>")
                .append("<th>Max drawdown</th><th>Exposure</th><th>Sharpe</th><th>Sortino</th></tr>\n");
        for (StrategyResult s : result.strategies()) {
            html.append("<tr><td>").append(escape(s.strategyId())).append(" (").append(escape(s.strategyType()))
                    .append(")</td>");
            cells(html, s.netPnl(), s.realizedPnl(), s.unrealizedPnl(), s.fees(), s.finalEquity());
            html.append("<td>").append(s.trades()).append("</td>");
            cells(html, percent(s.winRate()), s.averageWin(), s.averageLoss());
            html.append("<td>").append(s.maxDrawdown().toPlainString()).append(" (")
                    .append(percent(s.maxDrawdownFraction()).toPlainString()).append(" %)<br><small>")
                    .append(s.drawdownPeakAt() == null ? "" : s.drawdownPeakAt() + " → " + s.drawdownTroughAt())
                    .append("</small></td>");
            cells(html, percent(s.exposure()), s.sharpe(), s.sortino());
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private static void cells(StringBuilder html, BigDecimal... values) {
        for (BigDecimal value : values) {
            html.append("<td>").append(value == null ? "n/a" : value.toPlainString()).append("</td>");
        }
    }

    private static BigDecimal percent(BigDecimal fraction) {
        return fraction == null ? null : fraction.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_EVEN);
    }

    private static void script(StringBuilder html, int index, String id, List<EquityCurve.Point> points) {
        StringBuilder xs = new StringBuilder();
        StringBuilder eq = new StringBuilder();
        StringBuilder dd = new StringBuilder();
        for (EquityCurve.Point p : ChartData.thin(points)) {
            String sep = xs.isEmpty() ? "" : ",";
            xs.append(sep).append(p.at().getEpochSecond());
            eq.append(sep).append(Money.plain(p.equity()));
            dd.append(sep).append(Money.plain(p.drawdown().negate()));
        }
        html.append("<script>(function(){const x=[").append(xs).append("],e=[").append(eq).append("],d=[")
                .append(dd).append("];\nconst tz=t=>uPlot.tzDate(new Date(t*1e3),'Asia/Kolkata');\n")
                .append("new uPlot({title:'Equity, ").append(jsString(id)).append(" (INR)',width:960,height:300,")
                .append("tzDate:tz,series:[{},{label:'equity',stroke:'#1f6fb4',width:1.5}]},[x,e],")
                .append("document.getElementById('eq").append(index).append("'));\n")
                .append("new uPlot({title:'Drawdown (INR)',width:960,height:200,tzDate:tz,series:[{},")
                .append("{label:'drawdown',stroke:'#c0392b',fill:'rgba(192,57,43,0.15)',width:1}]},[x,d],")
                .append("document.getElementById('dd").append(index).append("'));})();</script>\n");
    }

    private static String resource(String path) {
        String version = version();
        try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(WEBJAR + version + "/" + path)) {
            if (in == null) {
                throw new IllegalStateException("the uPlot webjar is not on the class path: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String version() {
        try (InputStream in = HtmlReport.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars.npm/uplot/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the uPlot webjar is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String jsString(String text) {
        return escape(text).replace("\\", "\\\\").replace("'", "\\'");
    }

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:24px;color:#222}
            table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}
            td:first-child,th:first-child{text-align:left}.note{color:#555;font-size:12px;max-width:960px}
            """;
}

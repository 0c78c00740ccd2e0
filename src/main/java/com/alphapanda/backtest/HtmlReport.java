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
                .append(" samples. Charts show trading time only (nights and holidays left out), times in IST.</p>\n");
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
        StringBuilder ts = new StringBuilder();
        StringBuilder xs = new StringBuilder();
        StringBuilder eq = new StringBuilder();
        StringBuilder dd = new StringBuilder();
        List<EquityCurve.Point> thin = ChartData.thin(points);
        for (int i = 0; i < thin.size(); i++) {
            EquityCurve.Point p = thin.get(i);
            String sep = i == 0 ? "" : ",";
            ts.append(sep).append(p.at().getEpochSecond());
            xs.append(sep).append(i);
            eq.append(sep).append(Money.plain(p.equity()));
            dd.append(sep).append(Money.plain(p.drawdown().negate()));
        }
        html.append("<script>(function(){const t=[").append(ts).append("],x=[").append(xs).append("],e=[")
                .append(eq).append("],d=[").append(dd).append("];\n")
                .append("const f=i=>{const s=t[Math.max(0,Math.min(t.length-1,Math.round(i)))];return new Date(s*1e3)")
                .append(".toLocaleString('en-IN',{timeZone:'Asia/Kolkata',month:'short',day:'numeric',hour:'2-digit',")
                .append("minute:'2-digit'});};\n")
                .append("const o=(title,h,s)=>({title:title,width:960,height:h,scales:{x:{time:false}},")
                .append("axes:[{values:(u,v)=>v.map(f)},{size:80}],series:[{value:(u,v)=>v==null?'':f(v)},s]});\n")
                .append("new uPlot(o('Equity, ").append(jsString(id)).append(" (INR)',300,")
                .append("{label:'equity',stroke:'#1f6fb4',width:1.5}),[x,e],document.getElementById('eq")
                .append(index).append("'));\n")
                .append("new uPlot(o('Drawdown (INR)',200,{label:'drawdown',stroke:'#c0392b',")
                .append("fill:'rgba(192,57,43,0.15)',width:1}),[x,d],document.getElementById('dd").append(index)
                .append("'));})();</script>\n");
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

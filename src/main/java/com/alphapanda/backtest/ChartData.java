package com.alphapanda.backtest;

import java.util.ArrayList;
import java.util.List;

/** The points a chart draws: every sample when there are few, else an even stride plus the last one. */
final class ChartData {

    static final int MAX_POINTS = 4000;

    private ChartData() {
    }

    static List<EquityCurve.Point> thin(List<EquityCurve.Point> points) {
        if (points.size() <= MAX_POINTS) {
            return points;
        }
        int stride = (points.size() + MAX_POINTS - 1) / MAX_POINTS;
        List<EquityCurve.Point> thinned = new ArrayList<>();
        for (int i = 0; i < points.size(); i += stride) {
            thinned.add(points.get(i));
        }
        if (thinned.getLast() != points.getLast()) {
            thinned.add(points.getLast());
        }
        return thinned;
    }
}

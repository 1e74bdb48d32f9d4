package dev.handscope.app.eval;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The report's charts as PNG bytes, drawn by JFreeChart in one consistent style. */
final class ReportCharts {
    static final int WIDTH = 760;
    static final int HEIGHT = 360;
    /** One colour per run, the same in every chart (up to four runs: two models x two protocols). */
    private static final Color[] RUN_COLOURS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
            new Color(0xd62728)};

    private ReportCharts() {
    }

    /**
     * Curves over a shared x axis.
     *
     * @param curves per run, its y values at {@code x}
     */
    static byte[] curves(String title, String xLabel, String yLabel, double[] x, Map<String, double[]> curves)
            throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Map.Entry<String, double[]> curve : curves.entrySet()) {
            XYSeries series = new XYSeries(curve.getKey());
            for (int i = 0; i < x.length; i++) {
                series.add(x[i], curve.getValue()[i]);
            }
            data.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL, true,
                false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < curves.size(); i++) {
            renderer.setSeriesPaint(i, RUN_COLOURS[i % RUN_COLOURS.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.setRenderer(renderer);
        plot.getRangeAxis().setRange(0, 1.0);
        plot.getDomainAxis().setRange(x[0], x[x.length - 1]);
        return png(style(chart));
    }

    /**
     * Grouped bars: one group per category, one bar per run.
     *
     * @param bars per run, one value per category (NaN: no bar)
     */
    static byte[] bars(String title, String valueLabel, List<String> categories, Map<String, double[]> bars)
            throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Map.Entry<String, double[]> run : bars.entrySet()) {
            for (int i = 0; i < categories.size(); i++) {
                double value = run.getValue()[i];
                data.addValue(Double.isFinite(value) ? value : null, run.getKey(), categories.get(i));
            }
        }
        JFreeChart chart = ChartFactory.createBarChart(title, null, valueLabel, data, PlotOrientation.VERTICAL, true,
                false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        for (int i = 0; i < bars.size(); i++) {
            renderer.setSeriesPaint(i, RUN_COLOURS[i % RUN_COLOURS.length]);
        }
        plot.getDomainAxis().setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, categories.size() > 8 ? 9 : 11));
        if (categories.size() > 8) {
            plot.getDomainAxis().setCategoryLabelPositions(
                    org.jfree.chart.axis.CategoryLabelPositions.UP_45);
        }
        return png(style(chart));
    }

    private static JFreeChart style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(new Color(0xf7f7f7));
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        return chart;
    }

    private static byte[] png(JFreeChart chart) throws IOException {
        BufferedImage image = chart.createBufferedImage(WIDTH, HEIGHT);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }
}

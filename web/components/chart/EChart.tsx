import type { EChartsCoreOption, EChartsType } from "echarts/core";
import { useEffect, useRef } from "react";

type Props = {
  /** The ECharts option; charts are redrawn when it changes (keep it memoised). */
  option: EChartsCoreOption;
  /**
   * The chart's one-sentence summary. The drawing itself is an image to assistive technology
   * (role="img" with this label); the numbers are in the data table next to it.
   */
  summary: string;
  /** CSS height of the drawing; the width follows the container. */
  height?: string;
  /** Called once ECharts is loaded, before the first setOption (e.g. to register a map). */
  prepare?: (echarts: typeof import("echarts/core")) => void;
};

/**
 * One Apache ECharts chart, drawn as SVG, resized with its container. ECharts is loaded on
 * first use (its own chunk). Right-to-left pages get the same chart: numbers and time axes read
 * left to right in Arabic and Farsi print too.
 */
export function EChart({ option, summary, height = "18rem", prepare }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  // The latest option and preparation, read when ECharts has loaded (the chart is built once).
  const latest = useRef({ option, prepare });
  latest.current = { option, prepare };

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    void import("./echarts-setup.js").then(({ echarts }) => {
      if (disposed || !element.current) return;
      latest.current.prepare?.(echarts);
      // Axis labels and tooltips come formatted from the caller (our Intl formatters), so
      // ECharts' own locale never shows.
      const instance = echarts.init(element.current, undefined, { renderer: "svg" });
      chart.current = instance;
      instance.setOption(latest.current.option);
      observer = new ResizeObserver(() => instance.resize());
      observer.observe(element.current);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={element} className="chart" role="img" aria-label={summary} style={{ height }} />;
}

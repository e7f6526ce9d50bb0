package org.militrend.dashboard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Dashboard load time and bytes (docs/benchmarks.md, "Dashboard"), not a test (surefire excludes
 * *Benchmark*): src/bench/dashboard-benchmark.sh runs it against a running service.
 *
 * <pre>java -cp target/test-classes:target/classes:CP org.militrend.dashboard.DashboardLoadBenchmark BASE_URL COLD WARM</pre>
 *
 * "All charts drawn" is the dashboard's own signal: {@code document.body.dataset.state} becomes
 * {@code 'ready'} when every panel's request has settled and the panel has rendered (its
 * {@code finish()}). A script injected before the page's own (CDP
 * Page.addScriptToEvaluateOnNewDocument, so no change to the page and no CSP exemption) watches
 * that attribute and records {@code performance.now()} (ms since navigation start) the first time
 * it reads 'ready'. Cold: a new Chromium with a new empty profile per load. Warm: the same
 * browser loads the page again (HTTP cache: static files revalidated or reused, API 304s).
 * Bytes: transferSize of the navigation entry plus every resource entry (headers included), and
 * the decoded body sizes. Where the browser's time goes: the main thread's long tasks (over 50 ms)
 * before ready, their sum in {@code longTaskMs}, and the page's own marks (one per panel rendered)
 * in the per-load details on stderr.
 */
public class DashboardLoadBenchmark {

    static final String WATCH = """
            (() => {
              const mark = () => {
                if (document.body && document.body.dataset.state === 'ready' && window.__readyAt === undefined) {
                  window.__readyAt = performance.now();
                  return true;
                }
                return false;
              };
              const start = () => {
                const mo = new MutationObserver(() => { if (mark()) mo.disconnect(); });
                mo.observe(document.documentElement, { attributes: true, subtree: true, childList: true,
                                                       attributeFilter: ['data-state'] });
              };
              if (document.documentElement) start(); else document.addEventListener('readystatechange', start, { once: true });
              // main-thread tasks over 50 ms (script, style, layout, paint): the browser's own CPU share of the load
              window.__longTasks = [];
              try {
                new PerformanceObserver((list) => { window.__longTasks.push(...list.getEntries()); })
                  .observe({ type: 'longtask', buffered: true });
              } catch (e) { /* no long task timing in this browser */ }
            })();
            """;

    static final String COLLECT = """
            const nav = performance.getEntriesByType('navigation')[0];
            const res = performance.getEntriesByType('resource');
            let transfer = nav.transferSize, encoded = nav.encodedBodySize, decoded = nav.decodedBodySize;
            let js = 0, jsDecoded = 0, data = 0, dataDecoded = 0;
            const names = [];
            for (const r of res) {
              transfer += r.transferSize; encoded += r.encodedBodySize; decoded += r.decodedBodySize;
              if (r.name.endsWith('.js')) { js += r.transferSize; jsDecoded += r.decodedBodySize; }
              if (r.name.includes('/api/')) { data += r.transferSize; dataDecoded += r.decodedBodySize; }
              names.push(Math.round(r.startTime) + '-' + Math.round(r.responseEnd) + 'ms ' + r.transferSize + 'B '
                         + r.decodedBodySize + 'B ' + r.name.replace(location.origin, ''));
            }
            for (const m of performance.getEntriesByType('mark')) {
              names.push(Math.round(m.startTime) + 'ms mark ' + m.name);
            }
            const early = window.__longTasks.filter((t) => t.startTime < window.__readyAt);
            for (const t of early) {
              names.push(Math.round(t.startTime) + '-' + Math.round(t.startTime + t.duration) + 'ms long task');
            }
            const longMs = early.reduce((a, t) => a + t.duration, 0);
            return { ready: window.__readyAt, longMs, longTasks: early.length, domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
                     transfer, encoded, decoded, js, jsDecoded, data, dataDecoded, requests: res.length + 1,
                     canvases: document.querySelectorAll('canvas').length, names: names.join('\\n') };
            """;

    public static void main(String[] args) throws Exception {
        String base = args[0].replaceAll("/$", "") + "/";
        int cold = Integer.parseInt(args[1]);
        int warm = Integer.parseInt(args[2]);
        System.out.println(
                "kind\trun\treadyMs\tdclMs\tloadMs\ttransferB\tdecodedB\tjsTransferB\tjsDecodedB\tapiTransferB\tapiDecodedB\trequests\tcanvases"
                        + "\tlongTaskMs\tlongTasks");
        List<String> details = new ArrayList<>();
        for (int i = 0; i < cold; i++) {
            Browser b = new Browser();
            try {
                details.add(b.load(base, "cold", i));
            } finally {
                b.close();
            }
        }
        if (warm > 0) {
            Browser b = new Browser();
            try {
                b.load(base, "first", 0);
                for (int i = 0; i < warm; i++) {
                    details.add(b.load(base, "warm", i));
                }
            } finally {
                b.close();
            }
        }
        System.err.println(String.join("\n\n", details));
    }

    /** One Chromium (the tests' own settings) with the ready watcher installed before every page. */
    static final class Browser {
        final Chromium chromium;
        final ChromeDriver driver;

        Browser() throws Exception {
            chromium = new Chromium(1280, 800);
            driver = chromium.driver();
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCH));
        }

        String load(String base, String kind, int run) {
            driver.get("about:blank");
            driver.get(base);
            new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(20))
                    .until(d -> driver.executeScript("return window.__readyAt !== undefined") == Boolean.TRUE);
            try {
                Thread.sleep(300); // let the last resource entries and loadEventEnd land
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) driver.executeScript(COLLECT);
            System.out.println(String.join(
                    "\t",
                    kind,
                    Integer.toString(run),
                    fmt(m.get("ready")),
                    fmt(m.get("domContentLoaded")),
                    fmt(m.get("load")),
                    fmt(m.get("transfer")),
                    fmt(m.get("decoded")),
                    fmt(m.get("js")),
                    fmt(m.get("jsDecoded")),
                    fmt(m.get("data")),
                    fmt(m.get("dataDecoded")),
                    fmt(m.get("requests")),
                    fmt(m.get("canvases")),
                    fmt(m.get("longMs")),
                    fmt(m.get("longTasks"))));
            return "# " + kind + " " + run + "\n" + m.get("names");
        }

        void close() {
            chromium.close();
        }
    }

    static String fmt(Object o) {
        return o instanceof Number n ? String.format(Locale.ROOT, "%.1f", n.doubleValue()) : String.valueOf(o);
    }
}

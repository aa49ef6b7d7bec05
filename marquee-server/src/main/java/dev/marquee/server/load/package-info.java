/**
 * The {@code marquee bench} HTTP load generator. It is open-loop: requests leave on a fixed arrival schedule
 * whether or not earlier ones answered, and each latency is measured from the request's <em>intended</em>
 * send time, so a stalled server shows up as latency instead of silently lowering the offered rate
 * (coordinated omission, Tene, "How NOT to measure latency", 2013). Users are drawn from the server's own
 * user sample with Zipf (power-law) activity; event posts carry clicks and views of videos just served.
 * Latencies go into HdrHistogram recorders per endpoint; the server's per-stage timings are the delta of two
 * {@code /metrics} scrapes around the measured window.
 */
package dev.marquee.server.load;

package vigil.live;

/**
 * The look of Vigil's pages, shared by the offline report and the live view: system fonts only (nothing
 * fetched), and a print layout without the navigation.
 */
public final class PageStyle {

    private PageStyle() {
    }

    public static final String CSS = """
            :root { --ink: #1d2733; --muted: #5c6b7a; --line: #dde2e8; --bg: #ffffff; --panel: #f5f7fa; --red: #d42a3c; }
            * { box-sizing: border-box; }
            body { margin: 0; background: var(--bg); color: var(--ink);
                   font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", "Liberation Sans", sans-serif; }
            header, main, nav, footer { max-width: 1040px; margin: 0 auto; padding: 0 28px; }
            header { padding-top: 28px; padding-bottom: 8px; }
            .kicker { margin: 0; color: var(--muted); text-transform: uppercase; letter-spacing: .08em; font-size: 12px; font-weight: 600; }
            h1 { margin: 4px 0 6px; font-size: 28px; line-height: 1.2; }
            h2 { margin: 0 0 4px; font-size: 19px; }
            .description { margin: 0 0 16px; color: var(--muted); max-width: 760px; }
            .facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 8px; margin: 0 0 12px; }
            .fact { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 6px 10px; min-width: 0; }
            .fact dt { font-size: 11px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
            .fact dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
            .fact.chain { grid-column: span 2; }
            .fact.chain.intact { border-color: #6cb287; background: #eef8f1; }
            .fact.chain.unfinished { border-color: #e0b400; background: #fdf8e4; }
            .fact.chain.broken, .fact.chain.missing { border-color: var(--red); background: #fdecee; }
            .by-value { margin: 4px 0; color: var(--muted); }
            .value-count b { color: var(--ink); }
            .outcome-summary { list-style: none; padding: 0; margin: 6px 0; }
            .outcome-summary li { margin: 2px 0; }
            .swatch { display: inline-block; width: 18px; height: 4px; margin: 0 8px 3px 0; vertical-align: middle; border-radius: 2px; }
            .notes { margin: 12px 0; padding: 8px 14px; border-left: 4px solid #e0b400; background: #fdf8e4; }
            .notes ul { margin: 4px 0; padding-left: 20px; }
            nav { position: sticky; top: 0; z-index: 1; background: rgba(255, 255, 255, .95); border-bottom: 1px solid var(--line);
                  padding-top: 8px; padding-bottom: 8px; }
            nav a { color: #2f6fbf; text-decoration: none; margin-right: 18px; font-weight: 600; font-size: 14px; }
            section { padding: 22px 0 10px; border-bottom: 1px solid var(--line); }
            .lede { margin: 0 0 10px; color: var(--muted); font-size: 14px; }
            svg.chart { display: block; height: auto; margin: 6px 0; font-size: 12px; fill: var(--ink); }
            svg.chart text { font-family: inherit; }
            svg .lane-label { font-size: 13px; font-weight: 600; }
            svg .axis text { fill: var(--muted); }
            svg .axis-title { font-style: italic; }
            svg .agent-name { font-size: 13px; font-weight: 600; }
            svg .empty { fill: var(--muted); font-size: 14px; }
            svg.graph { margin: 6px auto; }
            .empty { color: var(--muted); font-style: italic; }
            table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 6px 0 10px; }
            th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
            th { background: var(--panel); font-weight: 600; white-space: nowrap; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            td.rule { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12px; overflow-wrap: break-word; }
            td.below { background: #fdecee; color: #8c1020; font-weight: 600; }
            td.explanation { overflow-wrap: anywhere; }
            .sev { display: inline-block; padding: 0 7px; border-radius: 9px; color: #fff; font-size: 11px; font-weight: 700; }
            tr.sev-low .sev { color: #3a2f00; }
            .note { color: var(--muted); font-style: italic; }
            footer { padding-top: 14px; padding-bottom: 28px; color: var(--muted); font-size: 12px; }
            @media print {
              nav { display: none; }
              body { font-size: 11px; }
              header, main, footer { max-width: none; padding: 0 8mm; }
              section { break-inside: avoid-page; }
              section#violations { break-inside: auto; }
              svg.chart, tr { break-inside: avoid; }
              .fact, .notes, .fact.chain { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            }
            """;
}

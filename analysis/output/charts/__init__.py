"""Charts: the engine (a Chart spec rendered to plotly or matplotlib), one builder module per domain
(language, framing, numbers, compare) and export (static PNG/SVG/CSV files)."""

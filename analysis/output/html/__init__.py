"""HTML fragments for the notebooks and reports, article text always escaped: the annotated article (and its report
page with the chart-click script), the figure cards, the brief, reader tables and page furniture."""

"""HTML fragments for the notebooks and reports, article text always escaped: the annotated article and
the figure cards."""

"""What readers and other programs get: charts (plotly and matplotlib) and their files, HTML fragments
(annotated article, figure cards), the JSON summary, notebook display helpers, the report build, corpus
mode and adding articles."""

"""One module per chapter, named after its page: the numbers, charts and widgets that chapter's
notebook calls. Generic layers (data, stats, limits, fmt, style, layout, charts, widgets) sit
below; a chapter module may use another's data assembly, never the other way round."""

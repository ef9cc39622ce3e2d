"""Site outputs: pages rendered through Jinja2 templates, maps, timeline, dataset, editors' text, publishing docs/."""

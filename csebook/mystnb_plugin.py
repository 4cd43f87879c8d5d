"""A myst-nb mime renderer: an image output that carries 'alt' in its metadata gets that alt
text in the built page (myst-nb itself only reads alt text from cell metadata, which would
have to be typed by hand)."""
from __future__ import annotations


class AltTextImageRenderer:
    mime_priority_overrides: list = []

    @staticmethod
    def handle_mime(renderer, data, inline):
        if inline or data.mime_type != "image/png":
            return None
        alt = data.output_metadata.get("image/png", {}).get("alt")
        if not alt:
            return None
        nodes = renderer.render_image(data)
        nodes[0]["alt"] = str(alt)
        return nodes

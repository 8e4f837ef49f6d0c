"""Stage 4: the look of each style and tier, and the bundled fonts' coverage (no reportlab here)."""

"""worksheets: YAML specs in, print-ready PDF worksheets and mark schemes out."""

__version__ = "0.1.0"

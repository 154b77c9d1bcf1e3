"""The AHP careers site generator: a validated YAML catalogue rendered into a static site."""

__version__ = "0.1.0"

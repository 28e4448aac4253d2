"""termcheck: check Arabic<->English copy against a house glossary."""

__version__ = "0.1.0"

"""Test-session settings shared by every test module."""

import os

# The compiled-glossary cache (termcheck.glossary.cache) stays off in tests, so that no test
# depends on what an earlier test (or another checkout) stored; tests/test_glossary_cache.py turns
# it on in a temporary folder. TERMCHECK_NO_CACHE=0 in the environment runs the suite with it on.
os.environ.setdefault("TERMCHECK_NO_CACHE", "1")

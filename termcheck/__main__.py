from termcheck.cli import run

run()

"""`python -m cwgtool` = the `cwgtool` command (tests and benchmarks use it to pick the interpreter)."""

from cwgtool.cli import main

if __name__ == "__main__":
    main()

"""`cwgtool check`: a linter for summary records (numbering, symbols, structure, typography).

Modules, each importable on its own: :mod:`~cwgtool.check.diagnostic` (Severity, Location,
Diagnostic), :mod:`~cwgtool.check.registry` (the ``@rule`` decorator and RULES),
:mod:`~cwgtool.check.context` (what a rule sees), :mod:`~cwgtool.check.rules` (one module per code
group), :mod:`~cwgtool.check.config` and :mod:`~cwgtool.check.baseline`, and
:mod:`~cwgtool.check.runner` (``check_path``, ``check_text``, ``check_paths`` → ``CheckReport``).
The front door is :func:`cwgtool.api.check`.
"""

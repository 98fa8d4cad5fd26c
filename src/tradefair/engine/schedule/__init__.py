"""Meeting scheduling: the interchange format, solvers, bounds and the rule checker."""

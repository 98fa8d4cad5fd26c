"""The pure algorithmic engine: plain Python, NumPy, SciPy and OR-Tools, never Django.

``schedule`` places accepted meeting requests into slots, tables and interpreters;
``recommend`` scores buyer-exhibitor pairs in both directions.
"""

"""One module per rule. Each defines `RULE`; the registry finds them by their file name."""

# The before/ and after/ trees are data (reductions of real projects' files): never collect them.
collect_ignore_glob = ["*/before/*", "*/after/*"]

// Does this workspace use Flask? The extension starts its server only where the answer is
// yes (unless `flask-lsp.enable` is "always"), so that it costs nothing in other Python work.

/** Files whose text names the project's dependencies. */
export const DEPENDENCY_FILES = [
  "pyproject.toml",
  "requirements*.txt",
  "requirements/*.txt",
  "setup.cfg",
  "setup.py",
  "Pipfile",
  "environment.yml",
];

/** Folders never worth scanning for Python files. */
export const SKIP_DIRS = [
  "**/.venv/**",
  "**/venv/**",
  "**/.tox/**",
  "**/node_modules/**",
  "**/site-packages/**",
  "**/__pycache__/**",
];

const FLASK_IMPORT = /^[ \t]*(?:from[ \t]+flask(?:[ \t.]|$)|import[ \t]+(?:[\w.]+[ \t]*,[ \t]*)*flask\b)/m;
// A dependency named flask or flask-something (flask-sqlalchemy implies flask).
const FLASK_REQUIREMENT = /(?:^|[\s"'[,])flask(?:[-_][\w-]+)?(?:\s*(?:[<>=!~;[\]"',]|$))/im;

/** True when Python source imports flask (or a flask submodule). */
export function importsFlask(source: string): boolean {
  return FLASK_IMPORT.test(source);
}

/** True when a dependency file lists flask or a flask extension. */
export function requiresFlask(text: string): boolean {
  return FLASK_REQUIREMENT.test(text);
}

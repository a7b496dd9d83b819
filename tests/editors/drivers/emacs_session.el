;;; emacs_session.el --- drive Eglot headless against flask-lsp  -*- lexical-binding: t; -*-

;; Run by tests/editors/test_emacs.py as `emacs --batch -q -l emacs_session.el' (no -Q:
;; Debian's site-start puts its elpa-eglot on the load path).  It loads Debian's Eglot and editors/emacs/flask-lsp.el, opens the fixture file in python-mode,
;; connects with the command flask-lsp.el chose (rass -- jedi-language-server -- flask-lsp
;; when both are on PATH), waits for flask-lsp's diagnostics in Flymake, hovers, applies a
;; quick fix through Eglot's code-action path, and writes what it saw as JSON.
;;
;; Environment: FLASK_LSP_REPO, FLASK_LSP_FILE, FLASK_LSP_REPORT, FLASK_LSP_FIX_CODE,
;; FLASK_LSP_HOVER_CODE, FLASK_LSP_COMPANION ("none" runs flask-lsp alone),
;; FLASK_LSP_SETTINGS (JSON for the :flask-lsp section of `eglot-workspace-configuration').

;;; Code:

(require 'cl-lib)
(require 'json)
(require 'eglot)
(require 'flymake)
(load (expand-file-name "editors/emacs/flask-lsp.el" (getenv "FLASK_LSP_REPO")) nil t)

(when (equal (getenv "FLASK_LSP_COMPANION") "none")
  (setq flask-lsp-companion-command nil))

(defvar session-settings
  (let ((json (getenv "FLASK_LSP_SETTINGS")))
    (and json (not (string-empty-p json))
         (json-parse-string json :object-type 'plist :array-type 'array)))
  "The flask-lsp settings section for this run, or nil.")
(when session-settings
  ;; As a user's init file or .dir-locals.el would set it.
  (setq-default eglot-workspace-configuration (list :flask-lsp session-settings)))

(defvar session-report (make-hash-table :test #'equal))
(defconst session-timeout 60)

(defun session-put (key value)
  (puthash key value session-report))

(defun session-wait (predicate)
  "Pump events until PREDICATE is non-nil or the timeout passes; return its value."
  (let ((deadline (+ (float-time) session-timeout))
        (value nil))
    (while (and (not (setq value (funcall predicate)))
                (< (float-time) deadline))
      (when (bound-and-true-p flymake-mode)
        (flymake-start))
      (accept-process-output nil 0.1))
    value))

(defun session-flask-diagnostics ()
  "Flymake diagnostics that came from flask-lsp, as (DIAG . LSP-DIAGNOSTIC) pairs."
  (cl-loop for diag in (flymake-diagnostics)
           for lsp = (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data diag)))
           when (equal (plist-get lsp :source) "flask-lsp")
           collect (cons diag lsp)))

(defun session-find (code)
  (cl-find code (session-flask-diagnostics)
           :key (lambda (pair) (plist-get (cdr pair) :code)) :test #'equal))

(defun session-hover-text ()
  "Hover at point, as the server sent it (markdown or plain text)."
  (let* ((server (eglot-current-server))
         (result (jsonrpc-request server :textDocument/hover
                                  (eglot--TextDocumentPositionParams)))
         (contents (plist-get result :contents)))
    (cond ((stringp contents) contents)
          ((plist-get contents :value))
          (t (format "%S" contents)))))

(defun session-main ()
  (find-file (getenv "FLASK_LSP_FILE"))
  (session-put "major_mode" (symbol-name major-mode))
  (session-put "command" (vconcat (flask-lsp-eglot-command)))
  (apply #'eglot (eglot--guess-contact))
  (unless (session-wait #'eglot-current-server)
    (error "Eglot did not connect"))
  (session-put "server_name"
               (plist-get (eglot--server-info (eglot-current-server)) :name))

  (session-wait #'session-flask-diagnostics)
  ;; Settings arrive by workspace/didChangeConfiguration: let an ignored rule's findings go.
  (let ((ignored (append (plist-get session-settings :ignore) nil)))
    (session-wait (lambda () (not (cl-some #'session-find ignored)))))
  (session-put "diagnostics"
               (vconcat
                (cl-loop for (diag . lsp) in
                         (sort (session-flask-diagnostics)
                               (lambda (a b) (< (flymake-diagnostic-beg (car a))
                                                (flymake-diagnostic-beg (car b)))))
                         collect `((code . ,(plist-get lsp :code))
                                   (line . ,(line-number-at-pos (flymake-diagnostic-beg diag)))
                                   (type . ,(symbol-name (flymake-diagnostic-type diag)))
                                   (text . ,(flymake-diagnostic-text diag))))))

  (let ((hover-at (session-find (getenv "FLASK_LSP_HOVER_CODE"))))
    (when hover-at
      (goto-char (flymake-diagnostic-beg (car hover-at)))
      (session-put "hover" (session-hover-text))))

  ;; The quick fix: point on the diagnostic, then the code actions Eglot offers there
  ;; (M-x eglot-code-actions), restricted to the one that fixes this rule.
  (let* ((code (getenv "FLASK_LSP_FIX_CODE"))
         (target (or (session-find code) (error "No %s diagnostic to fix" code))))
    (goto-char (flymake-diagnostic-beg (car target)))
    (let* ((actions (eglot-code-actions (point) nil "quickfix"))
           (fix (cl-find-if (lambda (action)
                              (seq-some (lambda (diag) (equal (plist-get diag :code) code))
                                        (plist-get action :diagnostics)))
                            actions)))
      (session-put "actions" (vconcat (mapcar (lambda (a) (plist-get a :title)) actions)))
      (unless fix (error "No quick fix for %s among %S" code actions))
      (eglot--read-execute-code-action (list fix) (eglot-current-server) "quickfix"))
    (session-put "text_after_fix" (buffer-substring-no-properties (point-min) (point-max)))
    ;; Eglot sends the change from an idle timer, and batch Emacs is never idle: send it now.
    (eglot--signal-textDocument/didChange)
    ;; flask-lsp re-checks the edited buffer and the fixed finding goes away.
    (session-wait (lambda () (null (session-find code))))
    (session-put "after_fix_codes"
                 (vconcat (mapcar (lambda (pair) (plist-get (cdr pair) :code))
                                  (session-flask-diagnostics))))))

(condition-case err
    (session-main)
  (error (session-put "error" (error-message-string err))))
(with-temp-file (getenv "FLASK_LSP_REPORT")
  (insert (json-encode session-report)))
(ignore-errors (eglot-shutdown (eglot-current-server)))
(kill-emacs 0)

;;; emacs_session.el ends here

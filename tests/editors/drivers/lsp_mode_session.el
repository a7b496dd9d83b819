;;; lsp_mode_session.el --- drive lsp-mode headless against flask-lsp  -*- lexical-binding: t; -*-

;; Run by tests/editors/test_emacs.py as `emacs --batch -q -l lsp_mode_session.el' (Debian's
;; site-start puts elpa-lsp-mode on the load path).  A main Python client for
;; jedi-language-server is registered as a user's lsp-jedi package would; editors/emacs/
;; flask-lsp.el adds flask-lsp as an add-on.  `lsp' must start both on one buffer; then this
;; waits for flask-lsp's diagnostics in Flymake, applies its quick fix with lsp-mode's
;; code-action commands, and writes what it saw as JSON.
;;
;; Environment: FLASK_LSP_REPO, FLASK_LSP_FILE, FLASK_LSP_REPORT, FLASK_LSP_FIX_CODE.

;;; Code:

(require 'cl-lib)
(require 'json)
(require 'flymake)
(require 'lsp-mode)
(load (expand-file-name "editors/emacs/flask-lsp.el" (getenv "FLASK_LSP_REPO")) nil t)

(require 'lsp-diagnostics)
(setq lsp-diagnostics-provider :flymake
      lsp-auto-guess-root t
      lsp-restart 'ignore
      lsp-enable-file-watchers nil
      lsp-enable-snippet nil
      lsp-modeline-workspace-status-enable nil
      lsp-modeline-code-actions-enable nil
      lsp-modeline-diagnostics-enable nil
      lsp-headerline-breadcrumb-enable nil
      lsp-session-file (expand-file-name "lsp-session" (make-temp-file "lsp-" t))
      lsp-keep-workspace-alive nil)

;; The user's main Python server.
(lsp-register-client
 (make-lsp-client
  :new-connection (lsp-stdio-connection '("jedi-language-server"))
  :activation-fn (lsp-activate-on "python")
  :major-modes '(python-mode)
  :server-id 'jedi-main))

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
  "flask-lsp's diagnostics for this buffer, as lsp-mode holds them."
  (cl-loop for diag in (gethash (lsp--fix-path-casing buffer-file-name) (lsp-diagnostics t))
           when (equal (lsp:diagnostic-source? diag) "flask-lsp")
           collect diag))

(defun session-find (code)
  (cl-find code (session-flask-diagnostics) :key #'lsp:diagnostic-code? :test #'equal))

(defun session-main ()
  (find-file (getenv "FLASK_LSP_FILE"))
  (lsp)
  (session-wait (lambda () (= 2 (length (lsp-workspaces)))))
  (session-wait (lambda () (cl-every (lambda (w) (eq (lsp--workspace-status w) 'initialized))
                                     (lsp-workspaces))))
  (session-put "servers" (vconcat (sort (mapcar (lambda (w) (symbol-name
                                                             (lsp--client-server-id
                                                              (lsp--workspace-client w))))
                                                (lsp-workspaces))
                                        #'string<)))
  (session-wait #'session-flask-diagnostics)
  (session-put "diagnostics"
               (vconcat (mapcar (lambda (d)
                                  `((code . ,(lsp:diagnostic-code? d))
                                    (line . ,(1+ (lsp:position-line
                                                  (lsp:range-start (lsp:diagnostic-range d)))))))
                                (session-flask-diagnostics))))
  (session-wait (lambda () (flymake-diagnostics)))
  (session-put "flymake_count" (length (flymake-diagnostics)))

  (let* ((code (getenv "FLASK_LSP_FIX_CODE"))
         (target (or (session-find code) (error "No %s diagnostic to fix" code)))
         (start (lsp:range-start (lsp:diagnostic-range target))))
    (goto-char (lsp--position-to-point start))
    (let* ((actions (lsp-code-actions-at-point))
           (fix (cl-find-if (lambda (a) (and (lsp:code-action-is-preferred? a)
                                             (equal (lsp:code-action-kind? a) "quickfix")))
                            actions)))
      (session-put "actions" (vconcat (mapcar #'lsp:code-action-title actions)))
      (unless fix (error "No preferred quick fix for %s" code))
      (lsp-execute-code-action fix))
    (session-put "text_after_fix" (buffer-substring-no-properties (point-min) (point-max)))
    (session-wait (lambda () (null (session-find code))))
    (session-put "after_fix_codes"
                 (vconcat (mapcar #'lsp:diagnostic-code? (session-flask-diagnostics))))))

(condition-case err
    (session-main)
  (error (session-put "error" (error-message-string err))))
(with-temp-file (getenv "FLASK_LSP_REPORT")
  (insert (json-encode session-report)))
(ignore-errors (lsp-workspace-shutdown (car (lsp-workspaces))))
(kill-emacs 0)

;;; lsp_mode_session.el ends here

;;; flask-lsp.el --- Flask LSP for Eglot and lsp-mode  -*- lexical-binding: t; -*-

;; Copyright (C) 2026 flask-lsp developers
;; SPDX-License-Identifier: MIT
;; Version: 0.1.0
;; Package-Requires: ((emacs "28.1"))
;; Keywords: languages, tools, python

;;; Commentary:

;; flask-lsp is a language server that catches Flask mistakes (request/app context misuse,
;; routes, templates, config) while you type.  It adds to your general Python server; it
;; does not replace it.  This file wires it into both Emacs LSP clients:
;;
;; Eglot attaches one server per major mode, so flask-lsp runs beside your Python server
;; through `rass' (PyPI package rassumfrassum), which merges several servers into one:
;;
;;     rass -- jedi-language-server -- flask-lsp
;;
;; Loading this file puts that command first in `eglot-server-programs' for `python-mode'
;; and `python-ts-mode' (the companion is `flask-lsp-companion-command'; without `rass' on
;; PATH, flask-lsp runs alone).
;;
;; lsp-mode runs several servers per buffer by itself: flask-lsp is registered as an add-on
;; client (`:add-on? t'), so it starts beside pyright, pylsp or whichever server you use.
;;
;; Settings: `flask-lsp-settings' (the same keys as [tool.flask-lsp] in pyproject.toml).
;; With Eglot they can also come from `eglot-workspace-configuration' under :flask-lsp.

;;; Code:

(require 'cl-lib)

(defgroup flask-lsp nil
  "Flask language server."
  :group 'tools
  :prefix "flask-lsp-")

(defcustom flask-lsp-command '("flask-lsp")
  "Command (program and arguments) that starts the flask-lsp server on stdio."
  :type '(repeat string))

(defcustom flask-lsp-companion-command '("jedi-language-server")
  "General Python server that Eglot runs beside flask-lsp through rass.
nil runs flask-lsp alone.  Other examples: (\"pylsp\"),
\(\"basedpyright-langserver\" \"--stdio\")."
  :type '(choice (const :tag "None" nil) (repeat string)))

(defcustom flask-lsp-rass-command '("rass")
  "The rass multiplexer (PyPI package rassumfrassum).
Eglot runs flask-lsp and the companion server through it."
  :type '(repeat string))

(defcustom flask-lsp-settings nil
  "Settings sent to the server by lsp-mode, as a plist.
For example (:select [\"FL1\"] :ignore [\"FL105\"]
:severity (:FL402 \"warning\") :exclude [\"migrations/**\"]).
Use vectors for lists.  With Eglot, set them in
`eglot-workspace-configuration' under :flask-lsp instead."
  :type 'plist)

(defun flask-lsp--available-p (command)
  "Non-nil when the program of COMMAND is on the variable `exec-path'."
  (and command (executable-find (car command))))

(defun flask-lsp-eglot-command (&optional _interactive)
  "The server command for Eglot.
rass with the companion server and flask-lsp when both are
installed, else flask-lsp alone."
  (if (and (flask-lsp--available-p flask-lsp-rass-command)
           (flask-lsp--available-p flask-lsp-companion-command))
      `(,@flask-lsp-rass-command "--" ,@flask-lsp-companion-command "--" ,@flask-lsp-command)
    flask-lsp-command))

;;;###autoload
(defun flask-lsp-eglot-setup ()
  "Put flask-lsp first in `eglot-server-programs'.
For `python-mode' and `python-ts-mode'."
  (interactive)
  (defvar eglot-server-programs)
  (add-to-list 'eglot-server-programs
               '((python-mode python-ts-mode) . flask-lsp-eglot-command)))

(with-eval-after-load 'eglot
  (flask-lsp-eglot-setup))

;; lsp-mode
(declare-function lsp-register-client "lsp-mode" (client))
(declare-function make-lsp-client "lsp-mode" (&rest args))
(declare-function lsp-stdio-connection "lsp-mode" (command &optional test-command))
(declare-function lsp-activate-on "lsp-mode" (&rest languages))
(declare-function lsp--set-configuration "lsp-mode" (settings))
(defvar lsp--cur-workspace)

(defun flask-lsp--lsp-mode-setup ()
  "Register flask-lsp with lsp-mode as an add-on beside the main Python server."
  (lsp-register-client
   (make-lsp-client
    :new-connection (lsp-stdio-connection (lambda () flask-lsp-command)
                                          (lambda () (flask-lsp--available-p flask-lsp-command)))
    :activation-fn (lsp-activate-on "python")
    :major-modes '(python-mode python-ts-mode)
    :server-id 'flask-lsp
    :add-on? t
    :priority -2
    :initialization-options (lambda () (or flask-lsp-settings (make-hash-table)))
    :initialized-fn (lambda (workspace)
                      (let ((lsp--cur-workspace workspace))
                        (lsp--set-configuration
                         `(:flask-lsp ,(or flask-lsp-settings (make-hash-table)))))))))

(with-eval-after-load 'lsp-mode
  (flask-lsp--lsp-mode-setup))

(provide 'flask-lsp)
;;; flask-lsp.el ends here

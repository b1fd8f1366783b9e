// Between the two copies of the script-tag build: remembers what the first one exported.
window.firstTlWorkflowBundle = window.TlWorkflowBundle;

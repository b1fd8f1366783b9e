// Between the two copies of the script-tag build: remembers the class the first copy registered.
window.firstTlWorkflowClass = customElements.get('tl-workflow');

// A second copy of the widget (its own bundle, its own Lit) under another tag, as a host page
// running two versions side by side would register it.
import { TlWorkflow } from 'tl-workflow';

TlWorkflow.define('tl-workflow-v2');

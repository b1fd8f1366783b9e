// What the README tells an app to write: importing the package registers <tl-workflow>.
import 'tl-workflow';

/** The theme studio on the static site: it needs no sandbox, only the site's bar (site/boot.ts). */
import '../boot.ts';
import '../../demo/gallery.ts';

import { mountPanelApp, surfaceFromLocation } from '../../panel/mount';

mountPanelApp(surfaceFromLocation(location.search));

import { mountPanelApp } from '../../panel/mount';
import { SidePanelApp } from '../../sidepanel/SidePanelApp';

mountPanelApp('sidepanel', <SidePanelApp />);

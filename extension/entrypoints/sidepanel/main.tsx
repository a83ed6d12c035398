import { mountPanelApp } from '../../panel/mount';

mountPanelApp('sidepanel');

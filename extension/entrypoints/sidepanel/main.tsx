import { App } from '../../panel/App';
import { SidePanelApp } from '../../sidepanel/SidePanelApp';
import { mountApp } from '../../ui/mount';

mountApp(<SidePanelApp assistant={<App surface="sidepanel" />} />);

import { App, surfaceFromLocation } from '../../panel/App';
import { mountApp } from '../../ui/mount';

mountApp(<App surface={surfaceFromLocation(location.search)} />);

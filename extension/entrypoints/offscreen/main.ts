import { startAiHost } from '../../ai-host/main';

startAiHost();

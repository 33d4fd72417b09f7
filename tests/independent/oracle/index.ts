export { DEFAULT_ONS_DIR, listDatasets, loadDataset, loadIndicator, onsDir, population } from './data';
export { expectedFacts, figureFor, members, periodYear, seriesOf, setForArea } from './expected';
export { displayValue, isCount, isMillions, roundedText, unitLabel } from './format';
export { expectedAnalysis, groupMembers, northMethod } from './analyses';

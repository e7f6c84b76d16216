// The main real-VS-Code suite: the extension under development, tested through the workbench.
import { runMocha } from './mochaRunner';

export function run(): Promise<void> {
  return runMocha([() => require('./keystoreTree.test'), () => require('./keystoreActions.test'), () => require('./keystoreSession.test'), () => require('./names.test'), () => require('./eid.test'), () => require('./guides.test'), () => require('./stateAware.test'), () => require('./identifiers.test'), () => require('./checklist.test'), () => require('./environment.test'), () => require('./sandbox.test'), () => require('./certificate.test'), () => require('./sandboxApart.test'), () => require('./wizard.test'), () => require('./progressAndPasswords.test'), () => require('./organisation.test'), () => require('./authority.test'), () => require('./guidePairs.test'), () => require('./guideWriting.test')]);
}

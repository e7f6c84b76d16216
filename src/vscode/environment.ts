// Which registration authority the extension talks to: the local sandbox (default, offline),
// eHealth's acceptance platform, or production. Choosing production asks for an explicit
// confirmation, since what is requested there is real.
import * as vscode from 'vscode';
import { ENVIRONMENTS, isEnvironment, type Environment } from '../core/environment';
import { confirmPick } from './confirmPick';
import { currentTranslator } from './language';
import { setting, updateSetting } from './settings';

export function currentEnvironment(): Environment {
  const chosen = setting('ehealth.environment');
  return isEnvironment(chosen) ? chosen : 'sandbox';
}

/** Asks the user to confirm an action in production; true only when they pick the explicit answer. */
export function confirmProduction(action: string): Promise<boolean> {
  const t = currentTranslator();
  return confirmPick({ title: t('env.production.confirm', { action }), cancel: t('env.production.cancel'), confirm: t('env.production.confirm-button') });
}

export function registerEnvironmentCommand(): vscode.Disposable {
  return vscode.commands.registerCommand('ehealth.environment.select', async (chosen?: string) => {
    const t = currentTranslator();
    let environment = isEnvironment(chosen) ? chosen : undefined;
    if (!environment) {
      const current = currentEnvironment();
      const picked = await vscode.window.showQuickPick(
        ENVIRONMENTS.map((value) => ({ label: t(`environment.${value}`), description: value === current ? '✓' : '', detail: t(`env.${value}.detail`), value })),
        { title: t('env.pick') },
      );
      environment = picked?.value;
    }
    if (!environment) return undefined;
    if (environment === 'production' && !(await confirmProduction(t('env.switch')))) return undefined;
    await updateSetting('ehealth.environment', environment);
    return environment;
  });
}

// The authority names things (the organisations it lists, their types) in several languages: a face
// shows the user's language, else the first name the authority gives.
import type { Language } from '../i18n';
import type { LocalizedText } from '../ra/model';

export const nameIn = (language: Language, names: readonly LocalizedText[]): string | undefined => (names.find((name) => name.lang === language) ?? names[0])?.value;

/** The two webhook dialects: Dialogflow CX (v3) and ES (v2). */
export type Dialect = 'cx' | 'es';

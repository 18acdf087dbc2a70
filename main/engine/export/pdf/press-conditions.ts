// The standard printing conditions a user may name (`--press FOGRA39`), as the ICC's characterization
// data registry (http://www.color.org) lists them, and the file names their profiles are installed
// under. Plain data without Node imports, so a surface can offer them in a list.

/** A characterized printing condition as the ICC registry (http://www.color.org) lists it. */
export type PressCondition = {
  /** What the user types (`--press FOGRA39`), case aside. */
  id: string;
  /** The registry's reference name: what the OutputIntent's OutputConditionIdentifier says. */
  identifier: string;
  /** The condition in words (paper, process, standard). */
  condition: string;
  /** The profile's usual name, for Info and for a message. */
  profile: string;
  /** File names its profile is installed under (ECI, basICColor, Idealliance, colord), any case. */
  files: readonly string[];
};

export const REGISTRY = 'http://www.color.org';

export const PRESS_CONDITIONS: readonly PressCondition[] = [
  {
    id: 'FOGRA39',
    identifier: 'FOGRA39',
    condition:
      'Offset printing according to ISO 12647-2:2004/Amd 1, paper type 1 or 2 (gloss or matte coated), 115 g/m2, screen 60/cm',
    profile: 'Coated FOGRA39 (ISO 12647-2:2004)',
    files: [
      'FOGRA39L_coated.icc',
      'ISOcoated_v2_eci.icc',
      'ISOcoated_v2_300_eci.icc',
      'ISOcoated_v2_bas.icc',
      'CoatedFOGRA39.icc',
    ],
  },
  {
    id: 'FOGRA47',
    identifier: 'FOGRA47',
    condition: 'Offset printing according to ISO 12647-2:2004/Amd 1, paper type 4 (uncoated white), 120 g/m2',
    profile: 'PSO Uncoated ISO12647 (ECI)',
    files: ['FOGRA47L_uncoated.icc', 'PSO_Uncoated_ISO12647_eci.icc'],
  },
  {
    id: 'FOGRA51',
    identifier: 'FOGRA51',
    condition: 'Offset printing according to ISO 12647-2:2013, paper type PS1 (premium coated), M1',
    profile: 'PSO Coated v3',
    files: ['PSOcoated_v3.icc'],
  },
  {
    id: 'FOGRA52',
    identifier: 'FOGRA52',
    condition: 'Offset printing according to ISO 12647-2:2013, paper type PS5 (wood-free uncoated), M1',
    profile: 'PSO Uncoated v3 (FOGRA52)',
    files: ['PSOuncoated_v3_FOGRA52.icc'],
  },
  {
    id: 'GRACoL2006',
    identifier: 'CGATS TR 006',
    condition: 'Commercial offset lithography, GRACoL, grade 1 coated paper (CGATS TR 006)',
    profile: 'GRACoL2006 Coated1v2',
    files: ['GRACoL_TR006_coated.icc', 'GRACoL2006_Coated1v2.icc'],
  },
  {
    id: 'GRACoL2013',
    identifier: 'CGATS21_CRPC6',
    condition: 'Commercial offset lithography, GRACoL 2013, premium coated paper (CGATS 21-2, CRPC6)',
    profile: 'GRACoL2013 CRPC6',
    files: ['GRACoL2013_CRPC6.icc'],
  },
  {
    id: 'SWOP2006',
    identifier: 'CGATS TR 005',
    condition: 'Publication offset lithography, SWOP, grade 5 coated paper (CGATS TR 005)',
    profile: 'SWOP2006 Coated5v2',
    files: ['SWOP_TR005_coated_5.icc', 'SWOP2006_Coated5v2.icc'],
  },
];

export const PRESS_IDS = PRESS_CONDITIONS.map((c) => c.id);

export const pressCondition = (id: string): PressCondition | undefined =>
  PRESS_CONDITIONS.find((c) => c.id.toLowerCase() === id.trim().toLowerCase());

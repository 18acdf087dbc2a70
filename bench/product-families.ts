// French hardware families shared by the benchmarks' synthetic inputs (the workbook and the catalog).

export type Family = {
  name: string;
  prefix: string;
  items: string[];
  sizes: string[];
  units: string[];
  /** Price range in euros before tax; drawn log-uniformly between the two. */
  price: [number, number];
  /** Workwear carries colours and sizes, which only the product grid shows. */
  apparel?: boolean;
  /** Books and some food items take the reduced VAT rate. */
  reducedVat?: boolean;
};

// Twenty families, each split in two by material or range below: forty groups, as a supplier's
// catalog of this size typically has.
export const FAMILIES: Family[] = [
  {
    name: 'Visserie',
    prefix: 'VIS',
    items: ['Vis à bois tête fraisée', 'Vis agglo tête fraisée', 'Vis à tôle tête cylindrique', 'Tire-fond'],
    sizes: ['3×16', '3,5×30', '4×40', '5×50', '6×80', '8×100'],
    units: ['Boîte de 100', 'Boîte de 200', 'Sachet de 25', 'Seau de 1000'],
    price: [2.1, 48],
  },
  {
    name: 'Fixation',
    prefix: 'FIX',
    items: ['Cheville nylon', 'Cheville à expansion', 'Cheville Molly', 'Goujon d’ancrage'],
    sizes: ['Ø 6 mm', 'Ø 8 mm', 'Ø 10 mm', 'Ø 12 mm', 'M8×75', 'M10×95'],
    units: ['Boîte de 50', 'Sachet de 10', 'Boîte de 100'],
    price: [1.9, 64],
  },
  {
    name: 'Outillage à main',
    prefix: 'OUT',
    items: [
      'Marteau de menuisier',
      'Tournevis plat',
      'Tournevis cruciforme',
      'Pince universelle',
      'Scie égoïne',
    ],
    sizes: ['180 mm', '200 mm', 'PH2', '5,5×125', '500 g', '550 mm'],
    units: ['À l’unité', 'Carton de 6', 'Présentoir de 12'],
    price: [4.5, 89],
  },
  {
    name: 'Quincaillerie de meuble',
    prefix: 'MEU',
    items: ['Charnière invisible', 'Coulisse à billes', 'Poignée de meuble', 'Équerre d’assemblage'],
    sizes: ['35 mm', '350 mm', '450 mm', 'entraxe 128 mm', '40×40'],
    units: ['Paire', 'Sachet de 4', 'À l’unité', 'Boîte de 20'],
    price: [0.9, 36],
  },
  {
    name: 'Serrurerie',
    prefix: 'SER',
    items: ['Cylindre européen', 'Cadenas laiton', 'Verrou à bouton', 'Serrure en applique'],
    sizes: ['30×30', '30×40', '40 mm', '50 mm', '80 mm'],
    units: ['À l’unité', 'Blister', 'Carton de 10'],
    price: [6.8, 145],
  },
  {
    name: 'Électricité',
    prefix: 'ELE',
    items: ['Prise 2P+T', 'Interrupteur va-et-vient', 'Gaine ICTA', 'Boîte d’encastrement', 'Domino'],
    sizes: ['16 A', '10 A', 'Ø 20 mm', 'Ø 67 mm', '2,5 mm²'],
    units: ['À l’unité', 'Couronne de 100 m', 'Boîte de 10', 'Sachet de 5'],
    price: [0.45, 72],
  },
  {
    name: 'Plomberie',
    prefix: 'PLO',
    items: [
      'Raccord à sertir',
      'Robinet d’arrêt',
      'Siphon de lavabo',
      'Flexible inox',
      'Collier de fixation',
    ],
    sizes: ['Ø 12', 'Ø 16', 'Ø 20', '15×21', '20×27', '1/2"'],
    units: ['À l’unité', 'Sachet de 2', 'Boîte de 10'],
    price: [1.2, 58],
  },
  {
    name: 'Peinture et droguerie',
    prefix: 'PEI',
    items: ['Peinture acrylique mate', 'Sous-couche universelle', 'Rouleau laqueur', 'Pinceau à rechampir'],
    sizes: ['0,5 L', '2,5 L', '10 L', '110 mm', 'n° 12'],
    units: ['Pot', 'Seau', 'À l’unité', 'Lot de 3'],
    price: [3.9, 129],
  },
  {
    name: 'Jardin',
    prefix: 'JAR',
    items: ['Sécateur à lame franche', 'Tuyau d’arrosage', 'Raccord rapide', 'Bêche forgée', 'Arrosoir'],
    sizes: ['20 mm', '25 m', '50 m', '10 L', 'Ø 19'],
    units: ['À l’unité', 'Carton de 4', 'Couronne'],
    price: [2.5, 98],
  },
  {
    name: 'Colles et mastics',
    prefix: 'COL',
    items: ['Mastic silicone sanitaire', 'Colle néoprène', 'Mousse expansive', 'Colle à bois vinylique'],
    sizes: ['310 ml', '125 ml', '500 ml', '750 ml', '1 kg'],
    units: ['Cartouche', 'Tube', 'Aérosol', 'Carton de 12'],
    price: [3.2, 46],
  },
  {
    name: 'Abrasifs',
    prefix: 'ABR',
    items: ['Disque à tronçonner', 'Disque à lamelles', 'Papier abrasif', 'Éponge abrasive'],
    sizes: ['Ø 125', 'Ø 115', 'grain 80', 'grain 120', 'grain 240'],
    units: ['Boîte de 10', 'Rouleau de 5 m', 'Lot de 25'],
    price: [2.9, 54],
  },
  {
    name: 'Éclairage',
    prefix: 'ECL',
    items: ['Ampoule LED E27', 'Réglette étanche', 'Projecteur LED', 'Spot encastrable'],
    sizes: ['8 W', '12 W', '20 W', '50 W', '4000 K'],
    units: ['À l’unité', 'Lot de 3', 'Carton de 10'],
    price: [2.2, 119],
  },
  {
    name: 'Équipement de protection',
    prefix: 'EPI',
    items: ['Gants de manutention', 'Lunettes de protection', 'Masque FFP2', 'Casque antibruit'],
    sizes: ['T8', 'T9', 'T10', 'SNR 30 dB', 'EN 166'],
    units: ['Paire', 'Boîte de 20', 'À l’unité'],
    price: [0.8, 39],
  },
  {
    name: 'Vêtements de travail',
    prefix: 'VET',
    items: ['Pantalon multipoches', 'Veste softshell', 'Tee-shirt coton', 'Gilet haute visibilité'],
    sizes: ['Coupe droite', 'Coupe ajustée', 'Manches longues'],
    units: ['À l’unité', 'Lot de 2'],
    price: [7.5, 89],
    apparel: true,
  },
  {
    name: 'Chaussures de sécurité',
    prefix: 'CHS',
    items: ['Chaussure basse S3', 'Chaussure haute S3', 'Botte PVC', 'Sabot de cuisine'],
    sizes: ['Embout composite', 'Embout acier', 'Semelle antiperforation'],
    units: ['Paire'],
    price: [24, 159],
    apparel: true,
  },
  {
    name: 'Rangement et manutention',
    prefix: 'RAN',
    items: ['Caisse à outils', 'Servante d’atelier', 'Bac à bec', 'Diable pliant'],
    sizes: ['19"', '22"', '7 tiroirs', '100 kg', '200 kg'],
    units: ['À l’unité'],
    price: [6.5, 489],
  },
  {
    name: 'Mesure et traçage',
    prefix: 'MES',
    items: ['Mètre ruban', 'Niveau à bulle', 'Équerre de menuisier', 'Cordeau traceur'],
    sizes: ['3 m', '5 m', '8 m', '60 cm', '120 cm'],
    units: ['À l’unité', 'Présentoir de 12'],
    price: [2.9, 68],
  },
  {
    name: 'Librairie technique',
    prefix: 'LIB',
    items: ['Guide de l’électricité', 'Manuel du plombier', 'Mémento de la menuiserie'],
    sizes: ['Édition 2026', 'Édition 2025', 'Format poche'],
    units: ['À l’unité'],
    price: [9.9, 42],
    reducedVat: true,
  },
  {
    name: 'Chauffage et ventilation',
    prefix: 'CHA',
    items: ['Radiateur à inertie', 'Bouche d’extraction', 'Thermostat programmable', 'Aérateur hélicoïde'],
    sizes: ['1000 W', '1500 W', 'Ø 100', 'Ø 125', '2000 W'],
    units: ['À l’unité', 'Carton de 2'],
    price: [8.5, 399],
  },
  {
    name: 'Sanitaire',
    prefix: 'SAN',
    items: ['Mitigeur de lavabo', 'Abattant WC', 'Pomme de douche', 'Mécanisme de chasse'],
    sizes: ['Chromé', 'Blanc', 'Noir mat', '3 jets'],
    units: ['À l’unité', 'Carton de 4'],
    price: [11, 249],
  },
];

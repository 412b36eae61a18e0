/**
 * Words for generated task text, roughly most frequent first, so a Zipf draw over them gives
 * the skew of real notes: a few words in most tasks, most words in few.
 */
export const NOTE_WORDS = `
the to and a of for customer called about is on in with call back will their account
order said wants please the be not this has was from asked today my refund payment
invoice delivery number status requested tomorrow email sent again issue problem need
confirm update address phone card billing new check service contract manager follow
up after before week monday tuesday wednesday thursday friday morning afternoon evening
agreed explained transferred escalated resolved pending waiting complaint cancel renew
upgrade downgrade plan price discount offer promotion credit balance overdue late fee
charge charged twice missing damaged package shipment tracking courier return label
replacement warranty repair technician appointment visit schedule reschedule available
unavailable voicemail message left reached spoke husband wife son daughter office
reception department sales support technical internet router modem outage slow speed
connection signal coverage roaming data usage limit bill statement copy paper online
portal password reset login locked access verified identity security question secret
consent recorded privacy complaint supervisor callback urgent priority normal low high
quote estimate proposal signed agreement renewal expiry expired expires date month year
annual monthly quarterly direct debit transfer bank details iban reference receipt paid
unpaid partial installment arrears collection reminder notice letter sms text chat web
form website app mobile landline number ported porting sim activation activated blocked
unblocked lost stolen device handset tablet laptop accessory charger battery screen
broken cracked faulty defective exchange swap store branch shop visit opening hours
weekend holiday vacation travel abroad international rates tariff bundle minutes gigabytes
unlimited family shared business corporate small enterprise account holder authorised
representative power attorney deceased bereavement vulnerable hearing impaired language
interpreter spanish french german italian polish portuguese dutch happy unhappy angry
frustrated satisfied dissatisfied thanked apologised compensation goodwill gesture
voucher points loyalty member gold silver platinum referral friend neighbour colleague
survey feedback rating review recommend competitor switching leaving retention save saved
closed opened reopened duplicate merged split corrected adjusted waived refunded reversed
disputed chargeback fraud suspicious alert investigation team case ticket incident
reference noted documented attached screenshot photo evidence proof identification
passport licence utility postcode street avenue road apartment floor building gate code
parcel locker neighbour safe place signature required failed attempt redelivery collect
depot warehouse stock backorder preorder dispatch dispatched shipped delivered arrived
`
  .trim()
  .split(/\s+/);

export const FIRST_NAMES = `
james mary robert patricia john jennifer michael linda david elizabeth william barbara
richard susan joseph jessica thomas sarah charles karen christopher lisa daniel nancy
matthew betty anthony margaret mark sandra donald ashley steven kimberly paul emily andrew
donna joshua michelle kenneth carol kevin amanda brian dorothy george melissa timothy
deborah ronald stephanie edward rebecca jason sharon jeffrey laura ryan cynthia jacob
kathleen gary amy nicholas angela eric shirley jonathan anna stephen brenda larry pamela
justin emma scott nicole brandon helen benjamin samantha samuel katherine gregory christine
alexander debra frank rachel patrick carolyn raymond janet jack catherine dennis maria
jerry heather tyler diane aaron ruth jose julie adam olivia nathan joyce henry virginia
zoë renée josé françois søren åsa müller
`
  .trim()
  .split(/\s+/);

export const LAST_NAMES = `
smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez
gonzalez wilson anderson thomas taylor moore jackson martin lee perez thompson white harris
sanchez clark ramirez lewis robinson walker young allen king wright scott torres nguyen
hill flores green adams nelson baker hall rivera campbell mitchell carter roberts gomez
phillips evans turner diaz parker cruz edwards collins reyes stewart morris morales murphy
cook rogers gutierrez ortiz morgan cooper peterson bailey reed kelly howard ramos kim cox
ward richardson watson brooks chavez wood james bennett gray mendoza ruiz hughes price
alvarez castillo sanders patel myers long ross foster jimenez powell jenkins perry russell
sullivan bell coleman butler henderson barnes gonzales fisher vasquez simmons romero
jordan patterson alexander hamilton graham reynolds griffin wallace moreno west cole
hayes bryant herrera gibson ellis tran medina aguilar stevens murray ford castro marshall
owens harrison fernandez mcdonald woods washington kennedy wells vargas henry chen freeman
webb tucker guzman burns crawford olson simpson porter hunter gordon mendez silva shaw
snyder mason dixon muñoz hunt hicks holmes palmer wagner black robertson boyd rose stone
salazar fox warren mills meyer rice schmidt garza daniels ferguson nichols stephens soto
weaver ryan gardner payne grant dunn kelley spencer hawkins arnold pierce vázquez hansen
peters santos hart bradley knight elliott cunningham duncan armstrong hudson carroll lane
riley andrews alvarado ray delgado berry perkins hoffman johnston matthews peña richards
`
  .trim()
  .split(/\s+/);

export const COMPANIES = `
acme globex initech umbrella hooli vandelay wonka stark wayne cyberdyne tyrell soylent
oscorp aperture massive dynamic gringotts monarch wernham hogg dunder mifflin pied piper
bluth prestige worldwide sterling cooper virtucon nakatomi zorg
`
  .trim()
  .split(/\s+/);

export const PRODUCTS = `
fibre broadband premium basic family unlimited prepaid postpaid business starter pro max
ultra lite plus home office travel student senior essential advanced complete secure
`
  .trim()
  .split(/\s+/);

export const TRANSACTION_CODES = [
  'SALE',
  'NO-SALE',
  'CALLBACK',
  'COMPLAINT',
  'REFUND',
  'BILLING',
  'TECH',
  'CANCEL',
  'RETAIN',
  'UPGRADE',
  'INFO',
  'WRONG-NUMBER',
  'DNC',
  'ESCALATE',
  'PAYMENT',
  'DELIVERY',
  'AMD',
  'CCB-REJECTED',
  'CCB-BLOCKED',
  'TCL-TEMPFAIL',
];

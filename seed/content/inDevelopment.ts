// Clips being written with co-producers for the toolkit's next edition. No exercise uses them
// yet, so the released toolkit does not depend on them, while their scripts go through review
// with a scratch voice recording to check timing.
import { DEAN, KAYLEIGH, SAM, type SeedClip } from './toolkit'

export const SEED_CLIPS_IN_DEVELOPMENT: SeedClip[] = [
  {
    slug: 'making-up-after-a-row',
    title: 'Making Up After a Row',
    characters: [DEAN, KAYLEIGH, SAM],
    scenes: [
      {
        heading: 'The morning after',
        lines: [
          { speaker: 'Dean', text: "We had a big row last night. I said things I shouldn't have." },
          { speaker: 'Sam', text: 'What happened after the row?' },
          { speaker: 'Dean', text: "I went out. I didn't come back till late." },
          { speaker: 'Sam', text: 'How do you think Kayleigh felt?' },
        ],
      },
      {
        heading: 'Saying sorry',
        lines: [
          { speaker: 'Dean', text: "I'm sorry about last night. I was out of order." },
          { speaker: 'Kayleigh', text: 'You scared me when you slammed the door.' },
          { speaker: 'Dean', text: "I know. Next time I'll tell you I need ten minutes." },
          { speaker: 'Kayleigh', text: 'Okay. Thank you for saying it.' },
        ],
      },
    ],
  },
  {
    slug: 'asking-for-help',
    title: 'Asking for Help',
    characters: [DEAN, SAM],
    scenes: [
      {
        heading: 'A hard week',
        lines: [
          { speaker: 'Dean', text: "This week has been hard. I nearly didn't come." },
          { speaker: 'Sam', text: "I'm glad you did. What made it hard?" },
          { speaker: 'Dean', text: 'Money, mostly. And not sleeping.' },
        ],
      },
      {
        heading: 'Who can help',
        lines: [
          { speaker: 'Sam', text: 'Who could you talk to about the money?' },
          { speaker: 'Dean', text: "My sister, maybe. She's good with that stuff." },
          { speaker: 'Sam', text: 'Asking for help is a skill. It takes guts.' },
        ],
      },
    ],
  },
]

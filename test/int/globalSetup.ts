import fs from 'node:fs'

export default function setup() {
  return () => {
    const runDir = process.env.CDM_TEST_RUN_DIR
    if (runDir && runDir.includes('cdm-studio-int-'))
      fs.rmSync(runDir, { recursive: true, force: true })
  }
}
